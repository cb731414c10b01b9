"""Evidence that two groups of authorships are one person, as a score in log-odds.

A group is a set of authorships (a name printed on a paper or talk) taken to be one person.
Two groups are weighed by

- how rare the name is (``Field.expected_people``: about how many people in the field carry it,
  from how often its given and family names occur together in the field),
- coauthors they share (each coauthor counted once, a common-named coauthor less, whether the
  coauthor is a name or, in the second round, a group of the first: a group of a common name may
  itself hold two people),
- coauthors printed with an initial on one side and in full on the other ("M. Arbel" and "Michael
  Arbel"), when that initial and family name are rare: the same coauthor written another way,
- institutions they share in nearby years (a rare institution counts more than a large one),
  and institutions that disagree in the same year,
- an institution shared through coauthors when one side prints none: where its coauthors print
  theirs in the years of their papers together (a row with no affiliation, written with coauthors who print
  William & Mary that year, beside a Bin Ren of William & Mary), in the second round,
- coauthors of coauthors they share (the same community),
- topics: the words of their titles, weighed by rarity (tf-idf cosine),
- their communities' topics: the words of their coauthors' titles (tf-idf cosine), for two groups of
  one name with no coauthor, no title word and no institution against them (a Bin Cui writing with
  graph-learning people in 2020 and 2021).

The weights are log-odds on one scale, natural logarithms (the name's prior is ``-ln`` of the people
expected to carry it, an institution's rarity ``-ln`` of its share of the field, as odds are multiplied):
a sum above the merge threshold of ``clusters`` means one person.
They were set by hand on the tuning half of ``tests/data/identity/`` and checked on the other
half (see ``bench/identity.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.ingest.resolve import names

# Weights (log-odds).
COAUTHOR_FIRST = 3.5
COAUTHOR_MORE = 1.5
COAUTHOR_CAP = 8.0
ORG_WEIGHT = 0.48
"""Log-odds per nat of a shared institution's rarity (``-ln share``), on the names' scale (``-ln expected
people``). Independent draws would give 1.0 (odds 1/share); namesakes gather at the same places (two Xi
Chens at Berkeley), and 1.0 merged more of them (check precision 0.977 → 0.969, fresh 1.000 → 0.994)."""
ORG_CAP = 4.5
ORG_CONFLICT_SAME_YEAR = -2.0
ORG_CONFLICT = -1.0
INITIAL_COAUTHOR = 0.5
"""A coauthor shared only as an initial and a family name counts this share of a coauthor."""
INITIAL_RARE = 0.5
"""The most people of the field an initial and family name may fit ("M. Arbel") to count as one coauthor."""
TWO_HOP = 0.7
TWO_HOP_CAP = 2.1
TOPIC_WEIGHT = 5.0
TOPIC_OFFSET = -0.6
PLACE_WEIGHT = 0.25
"""Log-odds per nat of an institution's rarity shared through coauthors: one group prints it, or its coauthors
print it in the years of their papers together, and so does the other, when one of them prints no institution
of its own on the papers compared (a 2020 row with no affiliation, written with a coauthor who prints William
& Mary that year, beside a Bin Ren of William & Mary). Coauthors work at other places too: about half of
``ORG_WEIGHT``."""
PLACE_CAP = 2.0
PLACE_ONE_NAME = True
"""A place shared through coauthors is weighed for two groups of one name only, as their communities' topics
are: "Adam Lerer" of FAIR, writing with CMU's Noam Brown, and "Adam Perer" of CMU, two names one letter
apart, were merged on it and three coauthors of coauthors (fresh7)."""
COMMUNITY_WEIGHT = 3.0
"""Log-odds per unit of cosine between the title words of two groups' coauthors (their communities' topics),
for two groups of one name with no coauthor, no title word and no institution against them."""
MIDDLE_NAME_RARITY = 0.1
"""A key with a middle name or initial is about ten times rarer than without it."""
CULTURE_SHARE = 0.5
"""The share of a given name's keys printed with common family names from which it counts whole in their
name culture; below it, it counts in proportion ("Greg" is printed with common family names in 1 key of
20: one Greg Yang is likely, not the dozen the field's Gregs and Yangs would give)."""
FIELD_SIZE = 30_000
"""The fewest names a field is taken to have: a small input (one page, one conference) is drawn from a
whole field of people, and a name rare in it is not therefore rare in the field."""
CULTURE_FAMILY = 50
"""How many keys make a family name common enough for a name culture of its own."""
CULTURE_GIVEN = 0.3
"""The share of a given name's keys printed with common family names from which it belongs to their
dense name culture (where "Jun" / "Junyan" are two names). The field's given names fall in two humps,
with a dip here: Jun 0.65, Wei 0.52, Yu 0.43, Li 0.37 above; Jason 0.19, Andrew 0.04, Maria below
(some of their bearers have a common family name, most do not)."""

_STOP = frozenset(
    "a an and are as at by for from in into is it its of on or over the to via with without using "
    "towards toward under new based beyond through their than how when what which between can do "
    "does not we our all one two learning".split())


def title_words(title: str) -> frozenset[str]:
    """The telling words of a title: folded, stop words and short words left out, plurals cut."""
    words = set()
    for word in names.fold(title).split():
        if len(word) < 3 or word in _STOP or word.isdigit():
            continue
        words.add(re.sub(r"(?<=[a-z]{4})s$", "", word))
    return frozenset(words)


@dataclass
class Group:
    """Authorships taken to be one person, with what they say beside the name."""

    mentions: list[int]
    keys: Counter[str] = field(default_factory=Counter)
    coauthors: Counter[str] = field(default_factory=Counter)
    orgs: dict[str, set[int]] = field(default_factory=dict)
    words: Counter[str] = field(default_factory=Counter)
    items: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    registry_id: str | None = None
    fixed_id: str | None = None
    """An id the alias file gives this group (a namesake's): never merged with another fixed id."""
    forms: tuple[int, dict[str, tuple[str, str]], dict[str, tuple[str, str]]] | None = None
    """Its coauthors as initial and family name (those printed with an initial, those in full), remembered
    for the number of coauthors they were read from."""
    community: Counter[str] | None = None
    """The title words of its coauthors' groups, each coauthor's words once (remembered)."""
    places: dict[str, set[int]] | None = None
    """Its institutions and those its coauthors print near the years of their papers together (remembered)."""

    def absorb(self, other: Group) -> None:
        """Take in another group's authorships and facts."""
        self.mentions.extend(other.mentions)
        self.keys.update(other.keys)
        self.coauthors.update(other.coauthors)
        for org, years in other.orgs.items():
            self.orgs.setdefault(org, set()).update(years)
        self.words.update(other.words)
        self.items |= other.items
        self.years |= other.years
        self.registry_id = self.registry_id or other.registry_id
        self.fixed_id = self.fixed_id or other.fixed_id
        self.community = None
        self.places = None


@dataclass
class Field:
    """What the whole field tells about names, institutions and words, to weigh evidence."""

    given_count: Counter[str]
    family_count: Counter[str]
    population: dict[str, int]
    """Per family name: how many keys carry a given name seen with it (its name culture's size)."""
    org_share: dict[str, float]
    idf: dict[str, float]
    keys: int = 1
    family_org_share: dict[tuple[str, str], float] = field(default_factory=dict)
    """(family name, institution) → the share of that family's names printed at it: Liu at Tsinghua."""
    neighbours: dict[str, set[str]] = field(default_factory=dict)
    """Coauthor token → the coauthor tokens of its coauthors, for the two-hop evidence."""
    common: dict[str, float] = field(default_factory=dict)
    initial_count: Counter[str] = field(default_factory=Counter)
    """Keys per first letter of the given name (how many people an initial may be), counted once."""
    token_keys: dict[str, str] = field(default_factory=dict)
    """A coauthor group's token ("#12") → its name key, to weigh the group as its name."""
    culture_share: dict[str, float] = field(default_factory=dict)
    """Per given name: the share of its keys whose family name is a common one (Hao 0.6, Greg 0.05)."""
    culture_given: frozenset[str] = frozenset()
    """Given names printed with more than one common family name and mostly with them (Hao, Jun, Wei; at
    least ``CULTURE_GIVEN`` of their keys): in their name culture a given name that starts another ("Jun" /
    "Junyan") is another name."""
    community_of: Callable[[Group], Counter[str]] | None = None
    """A group's community words (its coauthors' titles), once coauthors are groups."""
    places_of: Callable[[Group], dict[str, set[int]]] | None = None
    """A group's institutions with those of its coauthors in the years of their papers together, once
    coauthors are groups."""

    def expected_people(self, name_key: str) -> float:
        """About how many people of the field carry this name (given and family name together).

        Given and family names are taken as drawn independently, within the field for most names
        and within a name culture when the family name is a common one (Liu, Nguyen, Kumar): the
        keys whose given names occur with that family name. A given name mostly printed with other
        family names ("Greg", "Jason") counts within that culture by its share of it (``CULTURE_SHARE``).
        """
        if name_key in self.common:
            return self.common[name_key]
        parsed = names.parse(name_key)
        if not parsed.family or not parsed.given:
            return 50.0
        # "M. Pawan Kumar" goes by Pawan: the full given name tells the rarity, the initial is one more name.
        first = parsed.given[0] if len(parsed.given[0]) > 1 else \
            next((g for g in parsed.given[1:] if len(g) > 1), parsed.given[0])
        given = self._given(first)
        family = max(1, self.family_count.get(parsed.family, 0))
        culture = float(self.keys)
        if parsed.family in self.population:
            weight = min(1.0, family / CULTURE_FAMILY)
            culture = self.keys ** (1 - weight) * max(self.population[parsed.family], given) ** weight
            if len(first) > 1 and self.culture_share:  # none when no family name is common: nothing measured
                given *= 1 - weight + weight * min(1.0, self.culture_share.get(first, 0.0) / CULTURE_SHARE)
        expected = given * family / max(culture, 1.0)
        for _ in parsed.given[1:]:
            expected *= MIDDLE_NAME_RARITY
        self.common[name_key] = max(expected, 1e-3)
        return self.common[name_key]

    def _given(self, first: str) -> float:
        if len(first) == 1:
            if not self.initial_count:
                for given, n in self.given_count.items():
                    self.initial_count[given[0]] += n
            return float(self.initial_count.get(first, 0))
        return float(max(1, self.given_count.get(first, 0)))

    def prior(self, name_key: str) -> float:
        """Log-odds that two groups of this name are one person, before any other evidence."""
        return -math.log(self.expected_people(name_key))

    def score(self, a: Group, b: Group) -> tuple[float, str]:
        """The evidence beyond the name that ``a`` and ``b`` are one person, and its main fact."""
        total, _, facts = self.weigh(a, b)
        return total, facts

    def weigh(self, a: Group, b: Group) -> tuple[float, float, str]:
        """The evidence beyond the name, its positive part alone (what speaks for one person), its facts."""
        total, positive, facts = 0.0, 0.0, []
        shared = set(a.coauthors) & set(b.coauthors)
        if shared:
            weights = sorted((self._coauthor_weight(c) for c in shared), reverse=True)
            co = min(COAUTHOR_FIRST * weights[0] + COAUTHOR_MORE * sum(weights[1:]), COAUTHOR_CAP)
            total += co
            positive += co
            facts.append(f"{len(shared)} shared coauthor{'s' if len(shared) > 1 else ''}")
        initials = self._initial_coauthors(a, b, shared)
        if initials:
            first = COAUTHOR_MORE if shared else COAUTHOR_FIRST
            co = min(INITIAL_COAUTHOR * (first + COAUTHOR_MORE * (initials - 1)), COAUTHOR_CAP / 2)
            total += co
            positive += co
            facts.append(f"{initials} coauthor{'s' if initials > 1 else ''} shared as an initial")
            shared = shared | {"initial"}
        org_score, org_fact = self._org_score(a, b)
        total += org_score
        positive += max(org_score, 0.0)
        if org_fact:
            facts.append(org_fact)
        elif (self.places_of is not None and not (a.orgs and b.orgs)
              and (not PLACE_ONE_NAME or len(a.keys) == 1 and a.keys.keys() == b.keys.keys())):
            place, place_fact = self._place_score(a, b)
            total += place  # a place at one remove is no evidence beyond the names for two names
            if place_fact:
                facts.append(place_fact)
        if not shared:
            hop = self._two_hop(a, b)
            if hop:
                # Namesakes in one community share coauthors' coauthors: the more people carry the
                # name, the less a shared neighbourhood tells (two Xi Chens at Berkeley).
                people = max((self.expected_people(k) for k in (*a.keys, *b.keys)), default=1.0)
                value = min(TWO_HOP * hop, TWO_HOP_CAP / max(1.0, people))
                total += value
                positive += value
                facts.append(f"{hop} coauthors of coauthors in common")
        cosine = self._cosine(a.words, b.words)
        if a.words and b.words:
            # Titles apart say more the more titles there are: little of two single papers, much
            # of two bodies of work (a namesake in another field).
            papers = min(len(a.items), len(b.items))
            total += TOPIC_WEIGHT * cosine + TOPIC_OFFSET * min(max(papers / 2, 1.0), 2.0)
            positive += TOPIC_WEIGHT * cosine
            facts.append(f"topics {cosine:.2f}")
        if (self.community_of is not None and not shared and cosine == 0.0 and org_score >= 0.0
                and len(a.keys) == 1 and a.keys.keys() == b.keys.keys()):
            near = self._cosine(self.community_of(a), self.community_of(b))
            if near:
                total += COMMUNITY_WEIGHT * near
                positive += COMMUNITY_WEIGHT * near
                facts.append(f"coauthors' topics {near:.2f}")
        return total, positive, ", ".join(facts)

    def _coauthor_weight(self, token: str) -> float:
        name_key = self.token_keys.get(token, "") if token.startswith("#") else token
        if not name_key:
            return 1.0
        return 0.5 if self.expected_people(name_key) > 2.0 else 1.0

    def _initial_coauthors(self, a: Group, b: Group, shared: set[str]) -> int:
        """Coauthors printed with an initial on one side and a full given name on the other."""
        initials_a, full_a = self._initial_forms(a)
        initials_b, full_b = self._initial_forms(b)
        count = 0
        for initials, full in ((initials_a, full_b), (initials_b, full_a)):
            for form in initials.keys() & full.keys():
                (x, key_x), (y, key_y) = initials[form], full[form]
                if x not in shared and y not in shared and not names.conflict(key_x, key_y):
                    count += 1
        return count

    def _initial_forms(self, group: Group) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
        """Initial-and-family forms of a group's coauthors (rare ones only) → the coauthor's token and key."""
        if group.forms is not None and group.forms[0] == len(group.coauthors):
            return group.forms[1], group.forms[2]
        initials: dict[str, tuple[str, str]] = {}
        full: dict[str, tuple[str, str]] = {}
        for token in group.coauthors:
            name_key = self.token_keys.get(token, "") if token.startswith("#") else token
            parsed = names.parse(name_key) if name_key else None
            if parsed is None or not parsed.family or not parsed.given:
                continue
            form = f"{parsed.given[0][0]} {parsed.family}"
            if self.expected_people(form) <= INITIAL_RARE:
                (initials if len(parsed.given[0]) == 1 else full)[form] = (token, name_key)
        group.forms = (len(group.coauthors), initials, full)
        return initials, full

    def _org_score(self, a: Group, b: Group) -> tuple[float, str]:
        if not a.orgs or not b.orgs:
            return 0.0, ""
        best, best_org = 0.0, ""
        for org in set(a.orgs) & set(b.orgs):
            gap = min((abs(x - y) for x in a.orgs[org] for y in b.orgs[org]), default=0)
            closeness = 1.0 if gap <= 2 else 0.6 if gap <= 5 else 0.3
            share = max(self.org_share.get(org, 1e-4), self._family_share(a, b, org), 1e-4)
            rarity = -math.log(share)
            value = ORG_WEIGHT * rarity * closeness
            if value > best:
                best, best_org = value, org
        if best_org:
            return min(best, ORG_CAP), f"shared institution {best_org}"
        years_a = {y for ys in a.orgs.values() for y in ys}
        years_b = {y for ys in b.orgs.values() for y in ys}
        if years_a & years_b:
            return ORG_CONFLICT_SAME_YEAR, "different institutions in the same year"
        return ORG_CONFLICT, "different institutions"

    def _place_score(self, a: Group, b: Group) -> tuple[float, str]:
        """An institution the two groups share when one of them is placed by its coauthors only."""
        if self.places_of is None:
            return 0.0, ""
        places_a, places_b = self.places_of(a), self.places_of(b)
        best, best_org = 0.0, ""
        for org in places_a.keys() & places_b.keys():
            gap = min((abs(x - y) for x in places_a[org] for y in places_b[org]), default=0)
            closeness = 1.0 if gap <= 2 else 0.6 if gap <= 5 else 0.3
            share = max(self.org_share.get(org, 1e-4), self._family_share(a, b, org), 1e-4)
            value = PLACE_WEIGHT * -math.log(share) * closeness
            if value > best:
                best, best_org = value, org
        if not best_org:
            return 0.0, ""
        return min(best, PLACE_CAP), f"institution {best_org} through coauthors"

    def _family_share(self, a: Group, b: Group, org: str) -> float:
        """How often people of the groups' family names are printed at ``org`` (0 for a rare family).

        Two namesakes of a common family name are more likely at an institution where many of that
        family work: a shared Tsinghua says less of two Yang Lius than of two Sébastien Bubecks.
        """
        shares = [self.family_org_share.get((names.parse(k).family, org), 0.0) for k in (*a.keys, *b.keys)]
        return max(shares, default=0.0)

    def _two_hop(self, a: Group, b: Group) -> int:
        if len(a.coauthors) > 60 or len(b.coauthors) > 60:
            return 0
        around_a: set[str] = set()
        for token in a.coauthors:
            around_a |= self.neighbours.get(token, set())
        around_b: set[str] = set()
        for token in b.coauthors:
            around_b |= self.neighbours.get(token, set())
        return len((around_a & set(b.coauthors)) | (around_b & set(a.coauthors)))

    def _cosine(self, a: Counter[str], b: Counter[str]) -> float:
        if not a or not b:
            return 0.0
        idf = self.idf
        dot = sum(a[w] * b[w] * idf.get(w, 0.0) ** 2 for w in a.keys() & b.keys())
        if dot == 0:
            return 0.0
        norm_a = math.sqrt(sum((n * idf.get(w, 0.0)) ** 2 for w, n in a.items()))
        norm_b = math.sqrt(sum((n * idf.get(w, 0.0)) ** 2 for w, n in b.items()))
        return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0


def field_of(keys: Iterable[str], orgs: Counter[str], documents: list[frozenset[str]],
             family_orgs: Counter[tuple[str, str]] | None = None) -> Field:
    """The statistics of a field: its name keys, institutions (by authorship) and titles' words.

    ``family_orgs`` counts names (keys) by family name and institution; only common family names
    (at least ``CULTURE_FAMILY`` keys) get a share of their own.
    """
    keys = set(keys)
    given_count: Counter[str] = Counter()
    family_count: Counter[str] = Counter()
    givens_of: dict[str, set[str]] = defaultdict(set)
    for name_key in keys:
        parsed = names.parse(name_key)
        if parsed.family and parsed.given:
            given_count[parsed.given[0]] += 1
            family_count[parsed.family] += 1
            givens_of[parsed.family].add(parsed.given[0])
    population = {family: sum(given_count[g] for g in givens) for family, givens in givens_of.items()}
    total = sum(orgs.values()) or 1
    org_share = {org: n / total for org, n in orgs.items()}
    frequency: Counter[str] = Counter()
    for words in documents:
        frequency.update(words)
    count = max(len(documents), 1)
    idf = {w: math.log(count / n) for w, n in frequency.items() if n < count}
    by_family: Counter[str] = Counter()
    for (family, _), n in (family_orgs or Counter()).items():
        by_family[family] += n
    family_org_share = {(family, org): n / by_family[family]
                        for (family, org), n in (family_orgs or Counter()).items()
                        if family_count.get(family, 0) >= CULTURE_FAMILY and by_family[family] >= 20}
    common_with: Counter[str] = Counter(given for family, givens in givens_of.items()
                                        if family_count[family] >= CULTURE_FAMILY for given in givens)
    culture_share = {given: n / given_count[given] for given, n in common_with.items()}
    return Field(given_count, family_count, population, org_share, idf, keys=max(len(keys), FIELD_SIZE),
                 family_org_share=family_org_share, culture_share=culture_share,
                 culture_given=frozenset(g for g, n in common_with.items()
                                         if n > 1 and culture_share[g] >= CULTURE_GIVEN))
